import { createContext, useContext } from 'react';

/**
 * Whether the panel's tab is the one shown. Panels of other tabs stay mounted (their state kept) but
 * skip work nobody sees, such as re-reading the activity feed after every edit.
 */
export const PanelVisibilityContext = createContext(true);

/** True while the calling panel's tab is shown (always true outside the side panel). */
export const usePanelVisible = () => useContext(PanelVisibilityContext);
