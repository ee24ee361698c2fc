import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, type Schemas, SESSION_EXPIRED_EVENT, sessionToken, TOKEN_KEY, unwrap } from './api/client';

export type User = Schemas['UserResponseDto'];
export type Role = User['role'];

interface Session {
  user: User | null;
  /** True until a stored token has been checked. */
  loading: boolean;
  /** The API refused the token (its lifetime ran out): the login page says so. */
  expired: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(() => sessionToken.get() !== null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const signInWithStoredToken = () =>
      unwrap(api.GET('/api/me'))
        .then(setUser)
        .catch(() => sessionToken.clear())
        .finally(() => setLoading(false));
    if (sessionToken.get()) void signInWithStoredToken();
    const expire = () => {
      setUser(null);
      setExpired(true);
    };
    // Signing in or out in another tab does the same here.
    const followOtherTabs = (event: StorageEvent) => {
      if (event.key !== TOKEN_KEY) return;
      if (event.newValue) void signInWithStoredToken();
      else setUser(null);
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, expire);
    window.addEventListener('storage', followOtherTabs);
    return () => {
      window.removeEventListener(SESSION_EXPIRED_EVENT, expire);
      window.removeEventListener('storage', followOtherTabs);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    sessionToken.set(answer.accessToken);
    setUser(answer.user);
    setExpired(false);
    return answer.user;
  }, []);

  const logout = useCallback(() => {
    sessionToken.clear();
    setUser(null);
  }, []);

  return <SessionContext.Provider value={{ user, loading, expired, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
