package dev.patriotforge.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET one row by primary key: a Panache findById, serialised by Jackson. */
@Path("/rows")
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {
    @GET
    @Path("/{id}")
    public FloorRow get(@PathParam("id") long id) {
        FloorRow row = FloorRow.findById(id);
        if (row == null) {
            throw new NotFoundException();
        }
        return row;
    }
}
