ALTER TABLE "indicators" ADD COLUMN "scoring_standard" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD COLUMN "scoring_standard" text DEFAULT '' NOT NULL;