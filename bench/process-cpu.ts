import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of process trees and of the whole machine, read from Linux's /proc: what each part of
 * the platform cost during a measurement, and how busy the machine was with everything else.
 */
const ticksPerSecond = 100; // USER_HZ, 100 on every Linux the project runs on

type Stat = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may contain spaces: the fields after its closing one are fixed.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((s): s is Stat => s !== null);
}

/** The pid and every live descendant of it. */
export function processTree(root: number): number[] {
  const stats = allStats();
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of stats)
      if (!tree.has(s.pid) && tree.has(s.ppid)) {
        tree.add(s.pid);
        grew = true;
      }
  }
  return [...tree];
}

/** The processes of a tree that have no child in it: the ones doing the work under tsx's launcher and cluster's primary. */
export function leafProcesses(tree: number[]): number[] {
  const parents = new Set(tree.map((pid) => readStat(pid)?.ppid));
  return tree.filter((pid) => !parents.has(pid) && readStat(pid) !== null);
}

/** CPU seconds used so far by these processes (user + system), those that still run. */
export function cpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (readStat(pid)?.ticks ?? 0), 0) / ticksPerSecond;
}

/** Busy and total CPU seconds of the whole machine so far (/proc/stat's first line). */
export function machineCpu(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / ticksPerSecond, total: total / ticksPerSecond };
}

/** Resident memory now (VmRSS) and at its highest (VmHWM), in MB; zeros if the process is gone. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 102.4) / 10;
    return { rss: mb('VmRSS'), peak: mb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** Live processes whose command line contains `text`, among `pids`. */
export function withCommand(pids: number[], text: string): number[] {
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(text);
    } catch {
      return false;
    }
  });
}

/**
 * CPU time (user + system, ms) used so far by the processes whose command line contains `needle`:
 * read before and after a measurement, where a sync cycle's time went (GLPI's PHP, MariaDB).
 */
export function cpuMsOf(needle: string): number {
  return (
    cpuSeconds(
      withCommand(
        allStats().map((s) => s.pid),
        needle,
      ),
    ) * 1000
  );
}
