#!/usr/bin/env node
'use strict';
// CommonJS on purpose: an ES module entry would start Node's ESM loader.
require('../dist/ece.cjs').boot(require('node:path').join(__dirname, '..', 'dist'));
