/**
 * One benchmark child: `node --require rss-hook.js <args>` in the project folder, timed, with its peak RSS (MB)
 * read back from the file the hook writes on exit.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');

function runChild(args, { timeout } = {}) {
  const rssFile = path.join(os.tmpdir(), `award-tally-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const t = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['--require', path.join(__dirname, 'rss-hook.js'), ...args], {
    cwd: root,
    env: { ...process.env, AWARD_TALLY_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  if (fs.existsSync(rssFile)) fs.unlinkSync(rssFile);
  return { ms, rssMB: rss, status: res.status, stdout: String(res.stdout ?? ''), stderr: String(res.stderr ?? '') };
}

module.exports = { runChild };
