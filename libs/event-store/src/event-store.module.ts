import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningEventEntity } from './events/learning-event.entity.js';
import { EventRepository } from './events/event.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([LearningEventEntity])],
  providers: [EventRepository],
  exports: [EventRepository],
})
export class EventStoreModule {}
