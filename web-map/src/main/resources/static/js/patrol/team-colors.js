// Distinct colours for teams (ColorBrewer Set1, colour-blind safer order), cycling past eight.
const COLORS = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#a65628', '#f781bf', '#525252'];

export function teamColor(team) {
  return COLORS[(Math.max(1, team) - 1) % COLORS.length];
}
