/**
 * `kubectl get deploy,rs,sts,ds,pods,svc,endpointslices,nodes` at one frame: the printers and the
 * frame's objects together, loaded with the first visit to the `get all` tab.
 */
import type { Frame } from '../../engine/trace-types';
import { getAll } from '../../k8s';
import { clusterObjects } from './cluster-objects';

export function getAllAt(frame: Frame, t: number): { command: string; text: string } {
  return getAll(clusterObjects(frame), t);
}
