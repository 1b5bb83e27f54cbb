import { spawn } from 'node:child_process';

/**
 * Runs a bench script in a Node process of its own (its garbage, event loop and CPU apart from
 * the caller's) and resolves with the JSON it prints on stdout once it exits cleanly.
 */
export function childJson<T>(script: string, args: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}
