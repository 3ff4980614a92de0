import type { S3Operation } from '../operation.js';
import { readObject } from '../read-object.js';

/** An object's headers: exactly those its GET would carry, without the body. */
export const headObject: S3Operation = (request, deps) => readObject(request, deps, false);
