import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { AuthModule } from '../auth/auth.module';
import { AppConfig } from '../core/config/app-config.service';
import { RiskModule } from '../risk/risk.module';
import { Workshop, WorkshopConsensus, WorkshopParticipant, WorkshopProposal, WorkshopVote } from './entities';
import { WorkshopLiveService } from './workshop-live.service';
import { WorkshopRoomQuery } from './workshop-room.query';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsGateway } from './workshops.gateway';
import { WorkshopsService } from './workshops.service';

/** Live ROS workshops (domain.md §2.7). JwtModule only to recognise an optional session on the public join route. */
@Module({
  controllers: [WorkshopsController],
  exports: [WorkshopsService],
  imports: [
    TypeOrmModule.forFeature([Workshop, WorkshopConsensus, WorkshopParticipant, WorkshopProposal, WorkshopVote]),
    AuditLogModule,
    AuthModule,
    RiskModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.get('JWT_SECRET'),
        verifyOptions: { algorithms: ['HS256'], audience: 'helhet', issuer: 'helhet' },
      }),
    }),
  ],
  providers: [WorkshopsService, WorkshopLiveService, WorkshopRoomQuery, WorkshopsGateway],
})
export class WorkshopsModule {}
