// Tailwind 4 runs as a PostCSS plugin; which files it scans is set in app/globals.css (@source).
export default {
  plugins: { "@tailwindcss/postcss": {} },
};
