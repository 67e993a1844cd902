// The Node versions Triage runs on (pdfjs-dist 5.6 needs 20.19.0, undici 7 20.18.1). npm's engine-strict is off because the bundled
// Chromium package declares Node 22 in its engines while running fine on 20, so the check is made here: by the
// preinstall script and by the CLI launcher.
'use strict';
const MIN = [20, 19, 0];

function checkNode(version = process.versions.node) {
  const v = version.split('.').map(Number);
  const i = MIN.findIndex((m, k) => v[k] !== m);
  if (i >= 0 && v[i] < MIN[i]) {
    process.stderr.write(`Triage needs Node ${MIN.join('.')} or newer; this is Node ${version}.\n`);
    process.exit(1);
  }
}

exports.checkNode = checkNode;
if (require.main === module) checkNode();
