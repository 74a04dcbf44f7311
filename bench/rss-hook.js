// Preloaded into benchmark children: writes the process's peak RSS (KB) where the parent asked, on exit.
const fs = require('fs');
process.on('exit', () => {
  if (process.env.AWARD_TALLY_RSS_FILE) fs.writeFileSync(process.env.AWARD_TALLY_RSS_FILE, String(process.resourceUsage().maxRSS));
});
