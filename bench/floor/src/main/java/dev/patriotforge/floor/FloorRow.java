package dev.patriotforge.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of the floor's table (bench/run creates and fills it). */
@Entity
@Table(name = "floor_rows")
public class FloorRow extends PanacheEntityBase {
    @Id public long id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "total_minor")
    public Long totalMinor;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
