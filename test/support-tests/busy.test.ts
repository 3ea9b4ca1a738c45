import { spawn } from 'node:child_process';
import path from 'node:path';

/** scripts/busy.mjs: runs a command beside CPU loops, passes its exit code on, leaves no loop. */

const BUSY = path.join(__dirname, '..', '..', 'scripts', 'busy.mjs');

function runBusy(args: string[]): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [BUSY, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, stderr }));
	});
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

it("exits with the command's exit code and leaves no loop running", async () => {
	const { code, stderr } = await runBusy([
		'--loops',
		'1',
		'--minutes',
		'1',
		'--',
		process.execPath,
		'-e',
		'process.exit(3)',
	]);
	expect(code).toBe(3);
	const pids = /pids ([\d ]+)\)/.exec(stderr)?.[1].trim().split(' ').map(Number) ?? [];
	expect(pids).toHaveLength(1);
	expect(pids.filter(isRunning)).toEqual([]);
});

it('refuses to run without a command', async () => {
	const { code, stderr } = await runBusy(['--loops', '1']);
	expect(code).toBe(2);
	expect(stderr).toContain('usage: node scripts/busy.mjs');
});
