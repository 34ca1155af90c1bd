import type { Server } from 'node:http';

export function serveSite(folder: string, port?: number): Promise<{ server: Server; url: string }>;
