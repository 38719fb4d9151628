#!/usr/bin/env node
'use strict';
// CommonJS on purpose (bin/package.json): an ES module entry would start
// Node's ESM loader, a few milliseconds of every run.
require('../dist/ece.cjs').boot(require('node:path').join(__dirname, '..', 'dist'));
