import { parentPort, workerData } from 'node:worker_threads';
import { runX12Tool, type X12ToolRequest } from './x12-tools.js';

// One X12 tool call in its own thread: the request thread stays free for /healthz and intake
// while a large file is read, and a file too large for the thread's heap fails alone.
const request = workerData as X12ToolRequest;
parentPort?.postMessage(runX12Tool(request));
