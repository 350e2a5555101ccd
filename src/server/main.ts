/**
 * The server's entry point. It tells V8 to favour memory over speed before anything else is loaded, then starts
 * the server (serve.ts). Loading the modules is a burst of long-lived allocations that, by default, grows the
 * young generation to its largest size and leaves it there: measured on SQLite, 126 MB RSS idle after start
 * without the flag and 97 MB with it, while recording visits under load used the same CPU per request (see
 * ARCHITECTURE.md, "Memory"). serve.ts is built as its own file, so none of its imports is loaded before this.
 */
import v8 from 'node:v8';

v8.setFlagsFromString('--optimize-for-size');
await import('./serve.js');
