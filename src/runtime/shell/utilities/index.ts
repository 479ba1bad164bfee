/** Every utility by command name. */
import type { Utility } from '../command';
import { BASIC } from './basic';
import { FILES } from './files';
import { FILTERS } from './filters';
import { KERNEL } from './kernel';
import { NET } from './net';
import { SYSTEM } from './system';
import { TEST } from './test';
import { TEXT } from './text';

export const UTILITIES: Record<string, Utility> = { ...BASIC, ...TEST, ...FILES, ...TEXT, ...FILTERS, ...SYSTEM, ...NET, ...KERNEL };
