/** The system clock, for handlers' dependencies (tests inject their own). */
export const now = () => new Date();
