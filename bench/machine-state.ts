import { cpus, loadavg, totalmem } from 'node:os';

/**
 * The state of the machine beside every figure: a benchmark run while other work loads the cores
 * measures the load too. `before` is taken when the measurement starts, `after` when it ends.
 */
export function machineState(): { cores: number; memory_gb: number; node: string; load_average_1_5_15: number[] } {
  return {
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load_average_1_5_15: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
