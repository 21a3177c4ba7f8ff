CREATE TABLE "performance_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "performance_report_files" ADD CONSTRAINT "performance_report_files_report_id_performance_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."performance_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "performance_report_files_report_format_idx" ON "performance_report_files" USING btree ("report_id","format");