CREATE TABLE "classification_catalogues" (
	"fiscal_year" integer PRIMARY KEY NOT NULL,
	"copied_from" integer,
	"file_name" text,
	"imported_at" timestamp with time zone
);
--> statement-breakpoint
-- Until now only two things wrote classification codes: the shipped sheet (the earliest year) and
-- the copy a later year gets of it when first needed. So every later year holding codes is a copy.
INSERT INTO "classification_catalogues" ("fiscal_year", "copied_from")
SELECT DISTINCT c."fiscal_year", earliest."year"
FROM "classification_codes" c, (SELECT min("fiscal_year") AS "year" FROM "classification_codes") earliest
WHERE c."fiscal_year" > earliest."year";
