#!/usr/bin/env node
import { start } from '../dist/ece.js';

await start();
