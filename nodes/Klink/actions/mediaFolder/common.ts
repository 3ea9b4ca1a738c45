import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../fields';

export const folderIdField = (description: string): INodeProperties =>
	idField('folderId', 'Folder ID', description);

export const MEDIA_BODY_UNVERIFIED =
	"klink.cloud's API reference lists this operation but shows neither its path nor its body, so both are inferred.";
