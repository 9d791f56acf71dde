CREATE TABLE "users" ("id" bigint PRIMARY KEY, "email" text);
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" ("email");
