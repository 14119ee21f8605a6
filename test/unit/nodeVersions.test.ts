/**
 * Every version of every node is a whole number. n8n records an installed community package's
 * nodes with their newest version in an integer column (`installed_nodes.latestVersion`): on
 * PostgreSQL a version such as 1.1 made the editor's Install fail ("invalid input syntax for type
 * integer"), found by test/e2e/queueInstall.test.ts. SQLite accepts it, which hid it.
 */
import type { INodeType } from 'n8n-workflow';

import { HappyTalk } from '../../nodes/HappyTalk/HappyTalk.node';
import { HappyTalkHistoryTrigger } from '../../nodes/HappyTalkHistoryTrigger/HappyTalkHistoryTrigger.node';
import { HappyTalkTrigger } from '../../nodes/HappyTalkTrigger/HappyTalkTrigger.node';

const nodes: INodeType[] = [new HappyTalk(), new HappyTalkTrigger(), new HappyTalkHistoryTrigger()];

test.each(nodes.map((node) => [node.description.name, node.description]))('%s has whole-number versions only', (_name, description) => {
	const versions = [description.version, description.defaultVersion ?? []].flat();
	expect(versions.filter((version) => !Number.isInteger(version))).toEqual([]);
	expect(versions.length).toBeGreaterThan(0);
});
