import { SourceForm } from "@/components/sources/source-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { NEW_SOURCE } from "@/lib/queries/sources";

export const dynamic = "force-dynamic";
export const metadata = { title: "New source" };

export default async function NewSourcePage() {
  await requirePageRole(...PERMISSIONS["manage-sources"]);
  return (
    <>
      <PageHeader
        title="New source"
        description="Test the connection and preview the first rows before saving: nothing is stored until you create the source, and the password is encrypted and never shown again."
      />
      <Card>
        <SourceForm initial={NEW_SOURCE} />
      </Card>
    </>
  );
}
