import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak resident memory of the platform's processes, read from Linux's /proc: VmHWM is the highest
 * RSS the kernel saw for the process since it started.
 */
type ProcInfo = { pid: number; ppid: number; cmdline: string };

function processes(): ProcInfo[] {
  const list: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may contain spaces: the fields after its closing one are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      list.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return list;
}

/**
 * The process running `script` among this process's descendants. Launchers (the tsx CLI, npm and
 * its shell) name the script too, in a parent of the real process: the deepest match is the real one.
 */
export function descendantRunning(script: string, root = process.pid): number | null {
  const all = processes();
  const descendants = new Set<number>([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!descendants.has(p.pid) && descendants.has(p.ppid)) {
        descendants.add(p.pid);
        grew = true;
      }
    }
  }
  const matches = all.filter((p) => p.pid !== root && descendants.has(p.pid) && p.cmdline.includes(script));
  const deepest = matches.find((p) => !matches.some((other) => other.ppid === p.pid));
  return deepest?.pid ?? null;
}

/** VmHWM in MB, or 0 if the process is gone. */
export function peakRssMb(pid: number | null): number {
  if (pid === null) return 0;
  try {
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 102.4) / 10;
  } catch {
    return 0;
  }
}
