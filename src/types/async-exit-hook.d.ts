declare module 'async-exit-hook' {
  type Hook = (done?: () => void) => void;
  interface ExitHook {
    (hook: Hook): void;
    hookEvent(event: string, code?: number, filter?: (...args: unknown[]) => boolean): void;
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  }
  const exitHook: ExitHook;
  export default exitHook;
}
