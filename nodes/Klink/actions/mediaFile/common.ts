import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../fields';

export const fileIdField = (description: string): INodeProperties =>
	idField('fileId', 'File ID', description);
