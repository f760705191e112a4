using Followthrough.Services.Applications;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Materials;

/// <summary>A file an applicant uploaded once (材料), kept to be given again with later applications. The content is in
/// the data folder under its SHA-256 (<see cref="MaterialStore"/>).</summary>
internal sealed class MaterialFile
{
    public int Id { get; set; }

    public int ApplicantId { get; set; }

    public required string Name { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public DateTime UploadedAt { get; set; }
}

/// <summary>One required material of an application's item version, as given: a file, or left to the electronic licence.</summary>
internal sealed class ApplicationMaterial
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    /// <summary>The application it was given with: set when both are saved together, before the application has its id.</summary>
    public ServiceApplication? Application { get; set; }

    /// <summary>The material's place in the item version's list.</summary>
    public int Position { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public int? FileId { get; set; }

    public bool ByLicence { get; set; }
}

/// <summary>Materials' files under <c>materials/</c> in the data folder.</summary>
internal sealed class MaterialStore(string dataFolder) : ChecksummedFiles(Path.Combine(dataFolder, "materials"));

internal sealed class MaterialFileMapping : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> builder)
    {
        builder.ToTable("service_material_files");
        builder.HasIndex(f => new { f.ApplicantId, f.Id }).HasDatabaseName("ix_service_material_files_applicant");
    }
}

internal sealed class ApplicationMaterialMapping : IEntityTypeConfiguration<ApplicationMaterial>
{
    public void Configure(EntityTypeBuilder<ApplicationMaterial> builder)
    {
        builder.ToTable("service_application_materials");
        builder.HasOne(m => m.Application).WithMany().HasForeignKey(m => m.ApplicationId);
        builder.HasIndex(m => new { m.ApplicationId, m.Position }).HasDatabaseName("ix_service_application_materials_application");
        builder.HasIndex(m => m.FileId).HasDatabaseName("ix_service_application_materials_file");
    }
}
