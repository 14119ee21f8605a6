import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core writes an encryption key into the user folder on first use: keep it out of $HOME. The
// folder lies in the run's own temporary folder, which jest's globalTeardown removes
// (test/support/tempFolder.js).
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'happytalk-engine-'));
process.env.N8N_ENCRYPTION_KEY ??= 'engine-tests-only';
