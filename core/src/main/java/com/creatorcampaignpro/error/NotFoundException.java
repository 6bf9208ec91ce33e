package com.creatorcampaignpro.error;

/** The resource does not exist, or the caller may not know that it does (another owner's). */
public class NotFoundException extends DomainException {
    private final String resource;

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
