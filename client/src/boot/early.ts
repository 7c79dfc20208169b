// Imported first by main.tsx, so it runs before the app's own modules are evaluated (see startEarly).
import { startEarly } from './start-early.ts';

startEarly(window.location.pathname);
