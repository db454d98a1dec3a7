import { createContext, useContext } from 'react';

/**
 * The Content Security Policy's nonce for this response's inline scripts (Remix's hydration data,
 * module loader and scroll restoration). Given by entry.server.tsx; empty in the browser, which
 * hides nonces from the page anyway.
 */
export const NonceContext = createContext('');
export const useNonce = () => useContext(NonceContext);
