// The Word reader and writer use Node's Buffer; in the page's worker it is the buffer package's.
export { Buffer } from 'buffer';
