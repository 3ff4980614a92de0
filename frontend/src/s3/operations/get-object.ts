import type { S3Operation } from '../operation.js';
import { readObject } from '../read-object.js';

/** Streams an object's bytes (or a range of them) straight from the extent nodes. */
export const getObject: S3Operation = (request, deps) => readObject(request, deps, true);
