CREATE TABLE "classification_codes" (
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "classification_codes_fiscal_year_kind_code_pk" PRIMARY KEY("fiscal_year","kind","code"),
	CONSTRAINT "classification_codes_kind" CHECK ("classification_codes"."kind" in ('功能', '经济')),
	CONSTRAINT "classification_codes_code" CHECK ("classification_codes"."code" ~ '^[0-9]{3}([0-9]{2}){0,2}$')
);
