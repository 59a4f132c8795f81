-- CreateIndex
CREATE INDEX "Delivery_status_createdAt_id_idx" ON "Delivery"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Delivery_eventId_idx" ON "Delivery"("eventId");

-- CreateIndex
CREATE INDEX "Event_type_idx" ON "Event"("type");
