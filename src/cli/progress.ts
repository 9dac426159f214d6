import cliProgress from 'cli-progress';

/** A progress bar on stderr (stdout stays clean for JSON output); plain lines when stderr is not a terminal. */
export function progressBar(label: string) {
  const interactive = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let lastLogged = -1;
  return {
    update(done: number, total: number) {
      if (interactive) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
        return;
      }
      const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
      if (pct !== lastLogged) {
        lastLogged = pct;
        process.stderr.write(`${label}: ${pct}% (${done}/${total})\n`);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
