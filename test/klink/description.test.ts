import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { resources } from '../../nodes/Klink/actions/router';
import { KlinkTrigger } from '../../nodes/Klink/KlinkTrigger.node';
import { nodeType } from './fixtures';

/**
 * The node's description as n8n shows it: every resource and operation reachable, and every
 * inferred endpoint correctable under Advanced → Path, with the inferred path as its default.
 * The list below is the README's "unverified" list: a change of an inferred path shows here.
 */

const properties = nodeType.description.properties;

function shownFor(property: INodeProperties): Array<[string, string]> {
	const show = property.displayOptions?.show ?? {};
	const resourcesShown = (show.resource ?? []) as string[];
	const operations = (show.operation ?? []) as string[];
	return resourcesShown.flatMap((resource) =>
		operations.map((operation): [string, string] => [resource, operation]),
	);
}

describe('resources and operations', () => {
	it('the Resource list and the router name the same resources', () => {
		const resource = properties.find((p) => p.name === 'resource')!;
		const listed = (resource.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(listed).toEqual(Object.keys(resources).sort());
	});

	it('every operation is offered with an action, and its parameters show only for it', () => {
		for (const [resource, operations] of Object.entries(resources)) {
			const selector = properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
			)!;
			const offered = (selector.options as Array<{ value: string; action?: string }>).map((o) => [
				o.value,
				typeof o.action,
			]);
			expect(offered.sort()).toEqual(
				Object.keys(operations)
					.map((operation) => [operation, 'string'])
					.sort(),
			);
			for (const [operation, { operation: definition }] of Object.entries(operations)) {
				for (const property of definition.description) {
					expect([property.name, shownFor(property)]).toEqual([
						property.name,
						[[resource, operation]],
					]);
				}
			}
		}
	});

	it('counts 35 operations over 10 resources', () => {
		const count = Object.values(resources).reduce((n, ops) => n + Object.keys(ops).length, 0);
		expect([Object.keys(resources).length, count]).toEqual([10, 35]);
	});

	it('the action node is usable as a tool; the trigger is not, and needs no credential', () => {
		expect(nodeType.description.usableAsTool).toBe(true);
		const triggerDescription = new KlinkTrigger().description;
		expect(triggerDescription.usableAsTool).toBeUndefined();
		expect(triggerDescription.credentials).toEqual([
			{ name: 'lineConnectorKlinkApi', required: false },
		]);
	});
});

describe('unverified endpoints', () => {
	/** [resource, operation, method and inferred path] for each operation with Advanced → Path. */
	function overridable(): Array<[string, string, string]> {
		const found: Array<[string, string, string]> = [];
		for (const property of properties) {
			if (property.name !== 'advanced') continue;
			const path = (property.options as INodeProperties[]).find((o) => o.name === 'path');
			if (!path) continue;
			const [[resource, operation]] = shownFor(property);
			const method = /Sent: (\w+) /.exec(String(path.description))?.[1];
			found.push([resource, operation, `${method} ${String(path.default)}`]);
		}
		return found.sort();
	}

	it('each one offers Advanced → Path, defaulting to the inferred path', () => {
		expect(overridable()).toEqual(
			[
				['channel', 'create', 'POST /api/v1/channels'],
				['contact', 'create', 'POST /api/v1/contacts'],
				['contact', 'delete', 'DELETE /api/v1/contacts/{contactId}'],
				[
					'contact',
					'findBySocialPlatformId',
					'GET /api/v1/contacts?socialPlatformId={socialPlatformId}',
				],
				['contact', 'getGroups', 'GET /api/v1/groups'],
				['contact', 'update', 'PATCH /api/v1/contacts/{contactId}'],
				['mediaFile', 'delete', 'DELETE /api/v1/media-manager/files/{fileId}'],
				['mediaFile', 'getAll', 'GET /api/v1/media-manager/files'],
				['mediaFile', 'update', 'PATCH /api/v1/media-manager/files/{fileId}'],
				['mediaFolder', 'create', 'POST /api/v1/media-manager/folders'],
				['mediaFolder', 'delete', 'DELETE /api/v1/media-manager/folders/{folderId}'],
				['mediaFolder', 'getAll', 'GET /api/v1/media-manager/folders'],
				['mediaFolder', 'update', 'PATCH /api/v1/media-manager/folders/{folderId}'],
				['message', 'sendLineTransactional', 'POST /api/v1/message/send'],
				['tag', 'getAll', 'GET /api/v1/tags'],
				['ticket', 'findByContact', 'GET /api/v1/tickets/contact/{contactId}'],
				['ticket', 'getFormFields', 'GET /api/v1/tickets/fields'],
				['ticket', 'update', 'PATCH /api/v1/tickets/{ticketId}'],
				['ticket', 'updateStatus', 'PUT /api/v1/tickets/{ticketId}/status'],
			].sort(),
		);
	});

	it('each Path description starts with "Unverified" and says what to do on a 404', () => {
		for (const property of properties.filter((p) => p.name === 'advanced')) {
			const path = (property.options as INodeProperties[]).find((o) => o.name === 'path');
			if (!path) continue;
			expect(path.description).toMatch(/^Unverified: /);
			expect(path.description).toContain('If klink.cloud answers 404, put the right path here');
		}
	});

	it('list operations all take Extra Query Parameters', () => {
		for (const property of properties.filter((p) => p.name === 'returnAll')) {
			const [[resource, operation]] = shownFor(property);
			const advanced = properties.find(
				(p) =>
					p.name === 'advanced' && shownFor(p).some(([r, o]) => r === resource && o === operation),
			);
			const options = (advanced?.options ?? []) as Array<INodeProperties | INodePropertyCollection>;
			expect([resource, operation, options.map((o) => o.name)]).toEqual([
				resource,
				operation,
				expect.arrayContaining(['queryParameters']),
			]);
		}
	});
});
