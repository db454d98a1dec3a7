/**
 * V8's limits for each web process (decision 280). Left to itself on a large machine, V8 lets the
 * old space grow to hundreds of MB under load before it collects. A module of its own, importing
 * nothing: the benchmarks read it before they set the environment that the config parses.
 */
export const webProcessV8Flags = ['--max-old-space-size=256', '--max-semi-space-size=8'];
