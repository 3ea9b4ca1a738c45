import fs from 'node:fs';
import path from 'node:path';

/**
 * The codex files (`*.node.json`) give n8n the documentation links it shows in the node panel and
 * the credential dialog. Those that point into this package's README must land on a heading there.
 */
const ROOT = path.join(__dirname, '../..');
const README_URL = 'https://github.com/n8n-nodes-line-connector/n8n-nodes-line-connector';

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
export function githubAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function readmeAnchors(): Set<string> {
	const anchors = new Set(['readme']);
	const seen = new Map<string, number>();
	let inFence = false;
	for (const line of fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const base = githubAnchor(heading[1]);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

function codexFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const at = path.join(dir, entry.name);
		if (entry.isDirectory()) return codexFiles(at);
		return entry.name.endsWith('.node.json') ? [at] : [];
	});
}

const links = codexFiles(path.join(ROOT, 'nodes')).flatMap((file) => {
	const codex = JSON.parse(fs.readFileSync(file, 'utf8')) as {
		resources?: Record<string, Array<{ url: string }>>;
	};
	return Object.entries(codex.resources ?? {}).flatMap(([kind, entries]) =>
		entries.map(({ url }) => ({ file: path.relative(ROOT, file), kind, url })),
	);
});

describe('documentation links in the codex files', () => {
	it('finds the codex files and their links', () => {
		expect(links.length).toBeGreaterThanOrEqual(7);
	});

	it('gives every node a primary documentation link', () => {
		const byFile = new Map<string, Set<string>>();
		for (const { file, kind } of links) byFile.set(file, (byFile.get(file) ?? new Set()).add(kind));
		for (const [file, kinds] of byFile) {
			expect({ file, primary: kinds.has('primaryDocumentation') }).toEqual({ file, primary: true });
		}
	});

	it.each(links.map((link) => [`${link.file} ${link.kind}`, link]))(
		'%s lands on a README heading',
		(_name, { url }) => {
			expect(url.startsWith(`${README_URL}#`)).toBe(true);
			const anchor = url.slice(README_URL.length + 1);
			expect(readmeAnchors()).toContain(anchor);
		},
	);
});

describe('githubAnchor', () => {
	it.each([
		['klink.cloud', 'klinkcloud'],
		['Gateways: klink.cloud, Konnek, Infobip LINE', 'gateways-klinkcloud-konnek-infobip-line'],
		['LINE Trigger', 'line-trigger'],
		['Retry On Fail — and n8n’s retries', 'retry-on-fail--and-n8ns-retries'],
	])('%s → #%s', (heading, anchor) => {
		expect(githubAnchor(heading)).toBe(anchor);
	});
});
