// drizzle needs every table in one object (`typeof schema`); nothing else should import from here
// what it can import from the area file.
export * from "./organisation";
export * from "./users";
export * from "./settings";
export * from "./disclosures";
export * from "./review";
export * from "./publishing";
export * from "./audit";
export * from "./imports";
export * from "./library";
export * from "./security";
export * from "./classification";
export * from "./jobs";
export * from "./performance";
