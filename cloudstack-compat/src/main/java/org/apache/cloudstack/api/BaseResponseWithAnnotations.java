package org.apache.cloudstack.api;

public abstract class BaseResponseWithAnnotations extends BaseResponse {

    private Boolean hasAnnotation;

    public Boolean hasAnnotation() {
        return hasAnnotation;
    }

    public void setHasAnnotation(Boolean hasAnnotation) {
        this.hasAnnotation = hasAnnotation;
    }
}
