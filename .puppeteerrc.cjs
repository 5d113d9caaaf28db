/** milepost prints with a system Chromium; never download one. */
module.exports = { skipDownload: true };
