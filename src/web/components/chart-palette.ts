/** Colours for chart series in order; a datum may bring its own through Chart's `colorOf`. */
export const PALETTE = ['#4f46e5', '#0ea5e9', '#16a34a', '#d97706', '#db2777', '#64748b', '#9333ea', '#0d9488'];
