/** Who issues the API's tokens and for whom: a token signed for another service is refused. */
export const TOKEN_AUDIENCE = { issuer: 'motcua', audience: 'motcua-api' } as const;

/** How far a token's `iat` may lie in the future (clocks of two API hosts differ a little). */
export const ISSUED_AT_SKEW_SECONDS = 30;

export interface TokenClaims {
  sub: string;
  /** The user's token version when it was issued. */
  ver: number;
  /** Issued at and expiry, in seconds (set by the signer). */
  iat?: number;
  exp?: number;
}
