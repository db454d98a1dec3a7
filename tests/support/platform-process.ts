import { spawn } from 'node:child_process';
import path from 'node:path';

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

export type PlatformProcess = {
  name: string;
  pid: number;
  /** Everything it printed (the last 512 KB): JSON log lines for web and worker. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<ProcessExit>;
  readonly exit: ProcessExit | null;
};

const keptOutput = 512 * 1024;

/**
 * A platform process (web, worker) as production runs it, but in node itself rather than behind
 * the tsx CLI, which forwards signals to a grandchild: SIGKILL must reach the real process.
 * A `.ts` script runs through tsx's loader; a built `.js` one (the worker's bundle) under plain
 * Node, with `nodeFlags`. `FAULT_VERBOSE=1` echoes its output, prefixed with its name.
 */
export function startPlatformProcess(name: string, script: string, env: NodeJS.ProcessEnv, nodeFlags: string[] = []): PlatformProcess {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, path.resolve(script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exit: ProcessExit | null = null;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keptOutput);
    if (process.env.FAULT_VERBOSE) process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return {
    name,
    pid: child.pid,
    output: () => output,
    get exit() {
      return exit;
    },
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (exit) throw new Error(`${name} exited (${JSON.stringify(exit)}) before printing ${pattern}:\n${output.slice(-4000)}`);
        if (Date.now() > deadline) throw new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill(signal = 'SIGTERM') {
      if (exit) return exit;
      child.kill(signal);
      return exited;
    },
  };
}

/** The JSON log lines a process printed (pino), for assertions on what it logged. */
export function logLines(processOutput: string): Array<Record<string, unknown>> {
  return processOutput
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
